namespace UnionBot.Core.Plan;

// PLACEHOLDER (skeleton): replaced by the plan-reader work before anything lands.
public static class PlanReader
{
    public static AnnualPlan Read(byte[] bytes) => throw new NotImplementedException();
}
