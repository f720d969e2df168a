package dev.mlat.crypto.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, for building a test PKI in the past (so its certificates can
 * expire) and then verifying now.
 */
public final class SettableClock extends Clock {
  public volatile Instant instant;

  public SettableClock(Instant instant) {
    this.instant = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return instant;
  }
}
