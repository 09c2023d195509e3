using System.Text;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>An import holds the process's write gate only while it merges: while its file is still being read, other writers go on.</summary>
public sealed class ImportGateTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Ingest_writes_while_an_upload_is_still_being_read_and_the_import_then_merges()
    {
        using var gate = new WriteGate(TimeSpan.FromSeconds(2));
        using var importer = new ImportService(_db.Database, _db.Versions, _db.Aggregates, _db.Time, gate);
        var ingest = new IngestService(_db.Database, _db.Runner, _db.Versions, _db.Aggregates, gate, _db.Time);
        // A slow upload: the header and one line arrive, then nothing until the test lets the rest through.
        using var upload = new HeldStream("o,c,d,q,p\nUP-1,,2024-03-01,1,5.00\n", "UP-2,,2024-03-01,2,5.00\n");
        var (mapping, _) = ColumnMapping.Parse(ImportKind.OrderLines, "order=o,customer=c,date=d,quantity=q,price=p");

        var import = importer.ImportAsync(ImportKind.OrderLines, upload, new ImportSettings(mapping!));
        await upload.FirstPartRead.WaitAsync(TimeSpan.FromSeconds(30));
        var written = await ingest.IngestAsync(IngestKind.Orders, [new IngestRecord(1, new Dictionary<string, string?> { ["id"] = "API-1", ["date"] = "2024-03-01", ["revenue"] = "7" })]);
        upload.Release();
        var summary = await import;

        Assert.Equal(1, written.Records); // within the gate's 2 s although the import had started long before
        Assert.True(summary.Succeeded, summary.FatalError);
        Assert.Equal(2, summary.RecordsWritten);
        Assert.Equal(written.DataVersion + 1, summary.DataVersion); // the import merged after the ingest
    }

    /// <summary>Serves its first part, then blocks until released, then serves the rest.</summary>
    private sealed class HeldStream(string first, string rest) : Stream
    {
        private readonly byte[] _first = Encoding.UTF8.GetBytes(first);
        private readonly byte[] _rest = Encoding.UTF8.GetBytes(rest);
        private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new(false);
        private int _position;

        public Task FirstPartRead => _firstRead.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public void Release() => _released.Set();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < _first.Length)
            {
                var n = Math.Min(count, _first.Length - _position);
                Array.Copy(_first, _position, buffer, offset, n);
                _position += n;
                return n;
            }
            _firstRead.TrySetResult();
            _released.Wait(TimeSpan.FromSeconds(60));
            var at = _position - _first.Length;
            if (at >= _rest.Length)
            {
                return 0;
            }
            var m = Math.Min(count, _rest.Length - at);
            Array.Copy(_rest, at, buffer, offset, m);
            _position += m;
            return m;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _released.Set();
            if (disposing)
            {
                _released.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
