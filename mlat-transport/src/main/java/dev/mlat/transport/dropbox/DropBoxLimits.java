package dev.mlat.transport.dropbox;

/**
 * Limits a {@link DropBox} applies to what it finds in its incoming directories (written by a
 * partner, so untrusted). docs/LIMITS.md, "Ledger and drop box".
 *
 * @param maxPackageBytes largest package file taken; larger ones are moved to {@code rejected/}
 * @param maxReceiptBytes largest receipt file taken; larger ones are moved to {@code rejected/}
 * @param maxFilesPerPoll files listed per directory in one poll (the rest wait for the next)
 */
public record DropBoxLimits(long maxPackageBytes, long maxReceiptBytes, int maxFilesPerPoll) {

  /** 64 GiB packages, 1 MiB receipts, 1000 files per poll. */
  public static final DropBoxLimits DEFAULTS = new DropBoxLimits(64L << 30, 1 << 20, 1000);

  /** Validates. */
  public DropBoxLimits {
    if (maxPackageBytes < 1 || maxReceiptBytes < 1 || maxFilesPerPoll < 1) {
      throw new IllegalArgumentException("drop box limits must be positive: " + maxPackageBytes + ", "
          + maxReceiptBytes + ", " + maxFilesPerPoll);
    }
  }
}
