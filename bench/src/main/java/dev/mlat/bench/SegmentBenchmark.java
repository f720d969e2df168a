package dev.mlat.bench;

import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.OpenedAttachment;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm throughput of sealing and opening one attachment of 16 MiB, 256 MiB and 1 GiB with the
 * segmented engine, from the files bench/gen-data.sh writes (page cache) to a discarded output,
 * in a 128 MB heap. Time per operation; MB/s = size / time.
 *
 * <p>Run: {@code bench/jmh.sh} (or {@code java -cp ... org.openjdk.jmh.Main SegmentBenchmark
 * -jvmArgsPrepend -Dmlat.bench.data=bench/data}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m", "-Xms128m"})
public class SegmentBenchmark {
  @Param({"16MiB", "256MiB", "1GiB"})
  public String size;

  @Param({"262144"})
  public int segmentSize;

  private Path plaintext;
  private Path sealed;
  private SealedFiles.Sealed sealedManifest;
  private final SecureRandom random = new SecureRandom();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path data = Path.of(System.getProperty("mlat.bench.data", "bench/data"));
    plaintext = data.resolve("attachment-" + size + ".bin");
    if (!Files.isRegularFile(plaintext)) {
      throw new IllegalStateException(plaintext.toAbsolutePath() + " is missing: run bench/gen-data.sh first");
    }
    sealed = data.resolve("attachment-" + size + "-" + segmentSize + ".bench.seg");
    var encryptor = SegmentedEncryptor.builder().segmentSize(segmentSize).random(random).build();
    AttachmentKey key = AttachmentKey.generate(random);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(plaintext), 1 << 20);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(sealed), 1 << 20)) {
      SegmentManifest manifest = encryptor.seal(key, in, out);
      SealedFiles.write(sealed, manifest, key);
    }
    sealedManifest = SealedFiles.read(sealed);
  }

  @Benchmark
  public SegmentManifest seal() throws Exception {
    var encryptor = SegmentedEncryptor.builder().segmentSize(segmentSize).random(random).build();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(plaintext), 1 << 20)) {
      return encryptor.seal(AttachmentKey.generate(random), in, OutputStream.nullOutputStream());
    }
  }

  @Benchmark
  public OpenedAttachment open() throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 20)) {
      return SegmentedDecryptor.builder().build().open(sealedManifest.manifest(), sealedManifest.key(), in, new SealedFiles.Discard());
    }
  }
}
