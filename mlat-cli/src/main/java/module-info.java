/** The mlat command. */
module dev.mlat.cli {
  requires dev.mlat.transport;
  requires transitive dev.mlat.core; // CliErrorCode implements dev.mlat.core.ErrorCode
  requires info.picocli;
  requires java.logging;
  requires java.sql; // the exchange handler gets the ledger transaction (java.sql.Connection)

  exports dev.mlat.cli;

  // picocli reads the command classes' annotations and sets their fields reflectively.
  opens dev.mlat.cli to info.picocli;
  opens dev.mlat.cli.internal to info.picocli;
}
