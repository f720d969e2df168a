package dev.mlat.transport.ledger;

import dev.mlat.transport.MlatTransportException;
import java.nio.file.Path;
import java.time.Clock;

/** Tries to open an SQLite ledger from a second process; exit 3 and the code when refused. */
public final class LedgerLockProbe {
  private LedgerLockProbe() {}

  public static void main(String[] args) throws Exception {
    try (Ledger ledger = Ledger.open(LedgerSettings.sqlite(Path.of(args[0]), Path.of(args[1])), Clock.systemUTC(),
        new AuditHeadSigner() {
          @Override
          public byte[] sign(byte[] content) {
            return new byte[] {1};
          }

          @Override
          public String signer() {
            return "probe";
          }
        })) {
      System.out.println("opened");
      System.exit(0);
    } catch (MlatTransportException e) {
      System.out.println(e.errorCode().code() + ": " + e.getMessage());
      System.exit(3);
    }
  }
}
