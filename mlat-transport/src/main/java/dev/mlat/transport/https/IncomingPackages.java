package dev.mlat.transport.https;

import dev.mlat.transport.MlatTransportException;
import java.nio.file.Path;

/**
 * Where the HTTPS receiver hands a complete, digest-verified upload: the exchange service, which
 * opens the package, applies the resend rule and answers with a receipt. Called once the peer has
 * passed the carriage rule ({@link PackageRouting}).
 *
 * <p>Contract: the same package (same SHA-256) can be handed over again after a crash between the
 * hand-over and the moment the receiver stored the answer; the implementation applies the resend
 * rule (docs/DESIGN "A resend is not a replay") and answers with the stored receipt, never delivering
 * twice. {@code packageFile} is in the receiver's store; the implementation may move it away (take
 * ownership) or copy it; after a final answer the receiver deletes what is left. Implementations are
 * thread-safe: several uploads complete concurrently.
 *
 * <pre>{@code
 * IncomingPackages incoming = (peer, file, sha256) -> exchange.accept(file, sha256);
 * }</pre>
 */
@FunctionalInterface
public interface IncomingPackages {

  /**
   * Decides on a received package.
   *
   * @param peer who handed it over (already authorised to carry it)
   * @param packageFile the complete package, its SHA-256 verified
   * @param sha256 lower-case hex SHA-256 of the file
   * @return a receipt, a negative receipt, or a temporary failure
   * @throws MlatTransportException a failure that should make the sender retry (answered 503)
   */
  Answer receive(TlsPeer peer, Path packageFile, String sha256) throws MlatTransportException;
}
