namespace UnionBot.Core.Storage;

/// <summary>
/// The row of <c>PRAGMA wal_checkpoint</c>: <paramref name="Busy"/> is 1 when a lock kept the checkpoint from running
/// (another connection checkpointing), <paramref name="Log"/> the pages in the WAL, <paramref name="Checkpointed"/>
/// how many of them are now in the database file.
/// </summary>
internal sealed record WalState(long Busy, long Log, long Checkpointed)
{
    /// <summary>Every page of the WAL is in the database file: the next write starts the WAL again from its beginning.</summary>
    public bool CaughtUp => Busy == 0 && Checkpointed == Log;
}
