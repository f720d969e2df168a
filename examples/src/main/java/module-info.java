/** Runnable programs that show each way of using mlat. */
module dev.mlat.examples {
  requires dev.mlat.core;
  requires dev.mlat.transport;
  requires java.sql;   // ExchangeHandler hands the ledger transaction (java.sql.Connection)

  exports dev.mlat.examples;
}
