/** The mlat command. */
module dev.mlat.cli {
  requires dev.mlat.transport;
  requires info.picocli;
}
