package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The HTTPS channel (docs/HTTP.md) as the exchange service's {@link Channel}, sending side: each
 * package is uploaded with {@link HttpsChannel#deliver} and the receiver's synchronous answer goes
 * straight back to the service ({@link Answer.Receipt} and {@link Answer.NegativeReceipt} as
 * {@link Channel.Answered}, checked and recorded like any receipt; {@link Answer.TemporaryFailure}
 * as {@link Channel.Deferred} with the receiver's {@code Retry-After}). Network failures and
 * refusals are thrown and the service retries with its backoff until the package expires.
 *
 * <p>Over HTTPS, receipts travel as answers and packages arrive through the node's own
 * {@link dev.mlat.transport.https.HttpsReceiver} wired to {@link ExchangeService#incomingPackages()}:
 * {@link #incoming} is therefore always empty, and {@link #sendReceipt}, {@link #done} and
 * {@link #reject} (which the service calls only for files this channel handed over) refuse with
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * HttpsChannel https = HttpsChannel.builder(trust, tlsIdentity)
 *     .endpoint(PartyId.parse("US:US-DOJ"), URI.create("https://mlat.doj.example:8443/")).build();
 * ExchangeService service = ExchangeService.builder(ledger, codec, new HttpsExchangeChannel(https), work)
 *     .handler(handler).build();
 * }</pre>
 *
 * <p>Thread-safe (the {@link HttpsChannel} is).
 */
public final class HttpsExchangeChannel implements Channel {
  private final HttpsChannel https;

  /** Sends through {@code https}. */
  public HttpsExchangeChannel(HttpsChannel https) {
    this.https = Objects.requireNonNull(https, "https");
  }

  @Override
  public Handover sendPackage(PartyId partner, String messageId, Path packageFile, String packageSha256)
      throws MlatTransportException {
    Answer answer = https.deliver(packageFile, packageSha256, messageId, partner);
    if (answer instanceof Answer.Receipt receipt) {
      return new Answered(receipt.encoded());
    }
    if (answer instanceof Answer.NegativeReceipt negative) {
      return new Answered(negative.encoded());
    }
    Answer.TemporaryFailure later = (Answer.TemporaryFailure) answer;
    return new Deferred(later.retryAfter(), "HTTP 503, retry after " + later.retryAfter().toSeconds() + " s");
  }

  /** Never called: HTTPS receipts travel as the answer to the sender's upload. */
  @Override
  public void sendReceipt(PartyId partner, String messageId, byte[] receipt) {
    throw new IllegalStateException("over HTTPS a receipt is the answer to the upload; wire the HttpsReceiver to "
        + "ExchangeService.incomingPackages() instead of sending receipts through the channel");
  }

  /** None: packages arrive through the HttpsReceiver, receipts as answers. */
  @Override
  public List<Incoming> incoming(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    return List.of();
  }

  /** Never called: this channel hands over no incoming files. */
  @Override
  public void done(Incoming incoming) {
    throw new IllegalStateException("the HTTPS channel handed over no incoming file " + incoming.file());
  }

  /** Never called: this channel hands over no incoming files. */
  @Override
  public void reject(Incoming incoming, String reason) {
    throw new IllegalStateException("the HTTPS channel handed over no incoming file " + incoming.file());
  }

  @Override
  public String toString() {
    return "HttpsExchangeChannel[" + https + "]";
  }
}
