/** Runnable programs that show each way of using mlat. */
module dev.mlat.examples {
  requires dev.mlat.core;
  requires dev.mlat.transport;

  exports dev.mlat.examples;
}
