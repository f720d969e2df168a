package dev.mlat.transport.dropbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropBoxTest {
  @TempDir Path dir;
  PartyId de;
  Path out;
  Path in;

  @BeforeEach
  void dirs() throws Exception {
    de = PartyId.parse("DE:DE-BFJ");
    out = Files.createDirectories(dir.resolve("out"));
    in = Files.createDirectories(dir.resolve("in"));
  }

  private DropBox box(DropBoxLimits limits) throws MlatTransportException {
    return DropBox.builder().partner(de, out, in).limits(limits).build();
  }

  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void packagesAndReceiptsAreWrittenWholeUnderTheirNamesAndAResendReplacesThem() throws Exception {
    DropBox box = box(DropBoxLimits.DEFAULTS);
    Path pkg = dir.resolve("p");
    Files.write(pkg, new byte[] {1, 2, 3});
    box.sendPackage(de, "m-1", pkg, "00".repeat(32));
    box.sendPackage(de, "m-1", pkg, "00".repeat(32));
    box.sendReceipt(de, "m-2", new byte[] {9});
    assertThat(names(out)).containsExactly("m-1.mlat", "m-2.receipt");
    assertThat(Files.readAllBytes(out.resolve("m-1.mlat"))).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> box.sendReceipt(de, "../x", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.sendReceipt(PartyId.parse("IT:IT-MOJ"), "m", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReaderSeesCompleteFilesOnlyAndDoneRemovesThem() throws Exception {
    DropBox writer = DropBox.builder().partner(de, in, out).build();   // the partner's view
    DropBox reader = box(DropBoxLimits.DEFAULTS);
    byte[] big = new byte[2 << 20];
    Arrays.fill(big, (byte) 7);
    Path pkg = dir.resolve("big");
    Files.write(pkg, big);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < 20; i++) {
          writer.sendPackage(de, "m-" + i, pkg, "00".repeat(32));
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    int seen = 0;
    while (t.isAlive() || seen < 20) {
      for (Channel.Incoming incoming : reader.incoming(100)) {
        assertThat(incoming.kind()).isEqualTo(Channel.Kind.PACKAGE);
        assertThat(Files.size(incoming.file())).isEqualTo(big.length);
        reader.done(incoming);
        seen++;
      }
      if (!t.isAlive() && reader.incoming(100).isEmpty()) {
        break;
      }
    }
    t.join();
    assertThat(failure.get()).isNull();
    assertThat(seen).isEqualTo(20);
    assertThat(names(in)).isEmpty();
  }

  @Test
  void unexpectedAndOversizeFilesAreSetAsideAndHalfWrittenOnesIgnored() throws Exception {
    DropBox box = box(new DropBoxLimits(10, 4, 1000));
    Files.write(in.resolve("big.mlat"), new byte[11]);
    Files.write(in.resolve("big.receipt"), new byte[5]);
    Files.write(in.resolve("ok.receipt"), new byte[4]);
    Files.write(in.resolve("evil name.mlat"), new byte[1]);
    Files.write(in.resolve(".m-3.mlat.123.tmp"), new byte[1]);
    List<Channel.Incoming> found = box.incoming(100);
    assertThat(found).extracting(Channel.Incoming::messageId).containsExactly("ok");
    assertThat(found.get(0).kind()).isEqualTo(Channel.Kind.RECEIPT);
    assertThat(names(in.resolve("rejected"))).hasSize(3);
    assertThat(names(in)).contains(".m-3.mlat.123.tmp");
    box.reject(found.get(0), "test");
    assertThat(box.incoming(100)).isEmpty();
  }

  @Test
  void maxFilesPerPollHolds() throws Exception {
    DropBox box = box(new DropBoxLimits(100, 100, 3));
    for (int i = 0; i < 5; i++) {
      Files.write(in.resolve("m-" + i + ".mlat"), new byte[1]);
    }
    assertThat(box.incoming(100)).hasSize(3);
  }

  @Test
  void missingDirectoriesAreRefusedWhenConfigured() {
    assertThatThrownBy(() -> DropBox.builder().partner(de, out, dir.resolve("missing")))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.DROPBOX_UNAVAILABLE));
    assertThatThrownBy(() -> DropBox.builder().partner(de, out, out)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DropBox.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
