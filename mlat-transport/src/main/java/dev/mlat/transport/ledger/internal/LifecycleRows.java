package dev.mlat.transport.ledger.internal;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MessageType;
import dev.mlat.core.lifecycle.DeadlineRule;
import dev.mlat.core.lifecycle.LifecycleEvent;
import dev.mlat.core.lifecycle.LifecycleException;
import dev.mlat.core.lifecycle.ReportedStatus;
import dev.mlat.core.lifecycle.RequestFacts;
import dev.mlat.core.lifecycle.RequestLifecycle;
import dev.mlat.core.lifecycle.ResponseKind;
import dev.mlat.core.lifecycle.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persists request lifecycles as their events ({@code lifecycles}, {@code lifecycle_events}) and
 * rebuilds them by replaying the events through {@link RequestLifecycle}, so the stored state is
 * always one the state machine reached.
 */
public final class LifecycleRows {
  private final Database database;

  public LifecycleRows(Database database) {
    this.database = database;
  }

  /** Thrown through the transaction when the state machine refuses a message. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LifecycleException refusal;

    public Refused(LifecycleException refusal) {
      super(refusal.getMessage(), refusal, false, false);
      this.refusal = refusal;
    }

    public LifecycleException refusal() {
      return refusal;
    }
  }

  /** The lifecycle of {@code requestId}, locked for update in {@code c}'s transaction on PostgreSQL. */
  public Optional<RequestLifecycle> load(Connection c, UUID requestId, boolean lock) throws SQLException {
    Side side;
    boolean issued;
    try (PreparedStatement p = c.prepareStatement("SELECT local_side, issued FROM lifecycles WHERE request_id = ?"
        + (lock ? database.forUpdate() : ""))) {
      p.setString(1, requestId.toString());
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        side = Side.valueOf(r.getString(1));
        issued = r.getInt(2) != 0;
      }
    }
    List<LifecycleEvent> events = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT message_id, message_type, sender, event_time, deadline_rule,"
        + " emergency, requested_deadline, preservation, status, response_kind, new_deadline, preserved_until"
        + " FROM lifecycle_events WHERE request_id = ? ORDER BY position")) {
      p.setString(1, requestId.toString());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          events.add(event(requestId, r));
        }
      }
    }
    try {
      RequestLifecycle lifecycle;
      int from = 0;
      if (side == Side.REQUESTING) {
        lifecycle = RequestLifecycle.draft(requestId);
        if (issued) {
          lifecycle = lifecycle.issue();
        }
      } else {
        lifecycle = RequestLifecycle.received(events.get(0));
        from = 1;
      }
      for (LifecycleEvent e : events.subList(from, events.size())) {
        lifecycle = lifecycle.apply(e);
      }
      return Optional.of(lifecycle);
    } catch (LifecycleException e) {
      throw new SQLException("the stored lifecycle of request " + requestId + " no longer replays: " + e.getMessage(),
          "XX001", e);
    }
  }

  private static LifecycleEvent event(UUID requestId, ResultSet r) throws SQLException {
    MessageType type = MessageType.valueOf(r.getString(2));
    Optional<RequestFacts> facts = Optional.empty();
    if (r.getString(5) != null) {
      facts = Optional.of(new RequestFacts(DeadlineRule.valueOf(r.getString(5)), r.getInt(6) != 0,
          instant(r.getString(7)), r.getInt(8) != 0));
    }
    return new LifecycleEvent(requestId, UUID.fromString(r.getString(1)), type, Side.valueOf(r.getString(3)),
        Instant.parse(r.getString(4)), facts,
        Optional.ofNullable(r.getString(9)).map(ReportedStatus::valueOf),
        Optional.ofNullable(r.getString(10)).map(ResponseKind::valueOf),
        instant(r.getString(11)), instant(r.getString(12)));
  }

  private static Optional<Instant> instant(String text) {
    return Optional.ofNullable(text).map(Instant::parse);
  }

  /**
   * Applies {@code event} to its request's lifecycle and stores it, in {@code c}'s transaction. A
   * {@code Request} starts the lifecycle (issued on the requesting side, received on the requested
   * side); any other message needs the lifecycle to exist.
   *
   * @throws Refused when the state machine refuses the message (the caller's transaction rolls back)
   */
  public RequestLifecycle apply(Connection c, LifecycleEvent event, Side localSide, Instant now) throws SQLException {
    Optional<RequestLifecycle> existing = load(c, event.requestId(), true);
    RequestLifecycle before;
    RequestLifecycle after;
    try {
      if (existing.isEmpty()) {
        if (event.type() != MessageType.REQUEST) {
          throw new LifecycleException(CoreErrorCode.LIFECYCLE_WRONG_REQUEST, event.requestId(), event.messageId(),
              "this node holds no request " + event.requestId() + "; a " + event.type().wireName()
                  + " can only follow its Request");
        }
        if (localSide == Side.REQUESTING) {
          before = RequestLifecycle.draft(event.requestId()).issue();
          after = before.apply(event);
        } else {
          before = null;
          after = RequestLifecycle.received(event);
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO lifecycles (request_id, local_side, issued, state, updated_at) VALUES (?, ?, 1, ?, ?)")) {
          p.setString(1, event.requestId().toString());
          p.setString(2, localSide.name());
          p.setString(3, after.state().name());
          p.setLong(4, now.toEpochMilli());
          p.executeUpdate();
        }
      } else {
        before = existing.get();
        if (before.localSide() != localSide) {
          throw new LifecycleException(CoreErrorCode.LIFECYCLE_WRONG_REQUEST, event.requestId(), event.messageId(),
              "this node is the " + before.localSide() + " side of request " + event.requestId());
        }
        after = before.apply(event);
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE lifecycles SET state = ?, updated_at = ? WHERE request_id = ?")) {
          p.setString(1, after.state().name());
          p.setLong(2, now.toEpochMilli());
          p.setString(3, event.requestId().toString());
          p.executeUpdate();
        }
      }
    } catch (LifecycleException e) {
      throw new Refused(e);
    }
    insertEvent(c, event, after.history().size() - 1);
    return after;
  }

  private static void insertEvent(Connection c, LifecycleEvent e, int position) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO lifecycle_events (request_id, position, message_id,"
        + " message_type, sender, event_time, deadline_rule, emergency, requested_deadline, preservation, status,"
        + " response_kind, new_deadline, preserved_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, e.requestId().toString());
      p.setInt(2, position);
      p.setString(3, e.messageId().toString());
      p.setString(4, e.type().name());
      p.setString(5, e.sender().name());
      p.setString(6, e.timestamp().toString());
      if (e.requestFacts().isPresent()) {
        RequestFacts f = e.requestFacts().get();
        if (!(f.deadlinePolicy() instanceof DeadlineRule rule)) {
          throw new IllegalArgumentException("the ledger stores requests whose deadline policy is a DeadlineRule; "
              + f.deadlinePolicy().getClass().getName() + " is not one");
        }
        p.setString(7, rule.name());
        p.setInt(8, f.emergency() ? 1 : 0);
        setInstant(p, 9, f.requestedDeadline());
        p.setInt(10, f.preservationRequested() ? 1 : 0);
      } else {
        p.setNull(7, Types.VARCHAR);
        p.setNull(8, Types.INTEGER);
        p.setNull(9, Types.VARCHAR);
        p.setNull(10, Types.INTEGER);
      }
      p.setString(11, e.status().map(Enum::name).orElse(null));
      p.setString(12, e.responseKind().map(Enum::name).orElse(null));
      setInstant(p, 13, e.newDeadline());
      setInstant(p, 14, e.preservedUntil());
      p.executeUpdate();
    }
  }

  private static void setInstant(PreparedStatement p, int index, Optional<Instant> value) throws SQLException {
    if (value.isPresent()) {
      p.setString(index, value.get().toString());
    } else {
      p.setNull(index, Types.VARCHAR);
    }
  }
}
