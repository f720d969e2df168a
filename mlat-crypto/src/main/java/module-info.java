/** Per-country trust, keys, and CMS signing and encryption. The only module that uses BouncyCastle. */
module dev.mlat.crypto {
  requires transitive dev.mlat.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;
  requires jdk.httpserver;
  requires java.net.http;

  exports dev.mlat.crypto;
  exports dev.mlat.crypto.trust;
  exports dev.mlat.crypto.timestamp;
  exports dev.mlat.crypto.testing;
  exports dev.mlat.crypto.keys;
  exports dev.mlat.crypto.cms;
  exports dev.mlat.crypto.seal;
  exports dev.mlat.crypto.segment;
}
