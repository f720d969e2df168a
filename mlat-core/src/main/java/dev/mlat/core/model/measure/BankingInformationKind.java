package dev.mlat.core.model.measure;

/**
 * What banking information is sought (EIO Arts. 26-28).
 *
 * <p>The JSON form is the constant's name, for example {@code ACCOUNT_EXISTENCE}.
 */
public enum BankingInformationKind {
  /** Whether the subject holds or controls accounts, and their details. */
  ACCOUNT_EXISTENCE,
  /** Transactions over a period. */
  TRANSACTIONS,
  /** Monitoring of future transactions. */
  MONITORING;
}
