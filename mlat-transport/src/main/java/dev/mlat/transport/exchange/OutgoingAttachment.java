package dev.mlat.transport.exchange;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to send with a message.
 *
 * @param name its name in the message's manifest
 * @param mediaType its media type
 * @param file where it is
 */
public record OutgoingAttachment(String name, String mediaType, Path file) {

  /** Validates. */
  public OutgoingAttachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(file, "file");
  }
}
