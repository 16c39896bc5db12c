namespace UnionBot.Core.Plan;

/// <summary>What became of one document line the schedule reader passed over or joined (<see cref="Source"/> from 0).</summary>
internal readonly record struct LineFate(int Source, PlanLineRole Role, SkipReason Reason = SkipReason.None);
