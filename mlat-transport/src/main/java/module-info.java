/** Packages, receipts, channels and the exchange ledger. */
module dev.mlat.transport {
  requires transitive dev.mlat.crypto;
  requires org.apache.commons.compress;
  requires transitive jdk.httpserver;
  requires java.net.http;

  exports dev.mlat.transport;
  exports dev.mlat.transport.https;
  exports dev.mlat.transport.pkg;
  exports dev.mlat.transport.receipt;
  // the ledger's API hands handlers the java.sql.Connection of its transaction
  requires transitive java.sql;

  exports dev.mlat.transport.ledger;
  exports dev.mlat.transport.dropbox;
  exports dev.mlat.transport.exchange;
}
