using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Analytics.Domain;
using Analytics.Domain.Storage;

namespace Analytics.Ingest;

/// <summary>
/// Hands records to an <see cref="IFilingWriter"/> on a second thread, so parsing and validating the
/// file (the caller's thread) and writing to the store use both cores of the machine. Records go over
/// in file order, in batches of <see cref="BatchSize"/> through a queue of at most
/// <see cref="QueuedBatches"/> batches, so memory stays bounded whatever the file size; records are
/// immutable, so handing them over is safe.
/// </summary>
/// <remarks>
/// A writer that throws stops the thread; the caller's next <see cref="Add"/> (at the latest one
/// batch later) or <see cref="Finish"/> rethrows that very exception once the thread has stopped.
/// Commit and Dispose of the writer stay with the caller, after <see cref="Finish"/> or
/// <see cref="Dispose"/> has waited for the thread: the writer is never used by two threads at once.
/// </remarks>
internal sealed class WriterThread : IDisposable
{
    public const int BatchSize = 512;
    public const int QueuedBatches = 8;
    private readonly IFilingWriter _writer;
    private readonly BlockingCollection<object[]> _queue = new(QueuedBatches);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _consumer;
    private object[] _batch = new object[BatchSize];
    private int _count;
    private Exception? _failure;

    public WriterThread(IFilingWriter writer)
    {
        _writer = writer;
        _consumer = Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues a record for the writer; rethrows the writer's exception if it has failed.</summary>
    public void Add(object record)
    {
        _batch[_count++] = record;
        if (_count == BatchSize) Post();
    }

    /// <summary>Waits until the writer has every queued record; rethrows the writer's exception if it failed.</summary>
    public void Finish()
    {
        if (_count > 0) Post();
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _consumer.Wait();
        ThrowIfFailed();
    }

    /// <summary>Stops the thread (dropping what is still queued) and waits for it; never throws the writer's exception.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        try
        {
            _consumer.Wait();
        }
        catch (AggregateException)
        {
            // Consume catches everything it can; nothing more to report here.
        }
        _stop.Dispose();
        _queue.Dispose();
    }

    private void Post()
    {
        try
        {
            _queue.Add(_batch, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The consumer failed and cancelled: wait for it to stop, then report why.
            _consumer.Wait();
            ThrowIfFailed();
            throw;
        }
        _batch = new object[BatchSize];
        _count = 0;
        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } e)
        {
            _consumer.Wait();
            ExceptionDispatchInfo.Throw(e);
        }
    }

    private void Consume()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable(_stop.Token))
                foreach (var record in batch)
                {
                    if (record is null) break;
                    Write(_writer, record);
                }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Dispose: the filing is being abandoned.
        }
#pragma warning disable CA1031 // Any exception of the writer goes back to the caller's thread unchanged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _failure, e);
            _stop.Cancel();
        }
    }

    private static void Write(IFilingWriter writer, object record)
    {
        switch (record)
        {
            case Application a: writer.Add(a); break;
            case OutageStep o: writer.Add(o); break;
            case CustomersServed c: writer.Add(c); break;
            case ReportNote n: writer.Add(n); break;
            default: throw new InvalidOperationException($"No store method for {record.GetType().Name}.");
        }
    }
}
