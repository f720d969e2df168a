package dev.mlat.core.model.measure;

/**
 * Categories of stored computer data, as distinguished by the Second Protocol and Regulation
 * 2023/1543.
 *
 * <p>The JSON form is the constant's name, for example {@code SUBSCRIBER}.
 */
public enum DataCategory {
  /** Subscriber data: name, address, service type and period, payment (Reg. 2023/1543 Art. 3(9)). */
  SUBSCRIBER,
  /** Data requested only to identify the user, such as the IP address used at a given time with its port (Reg. 2023/1543 Art. 3(10)). */
  USER_IDENTIFYING,
  /** Traffic data: origin, destination, route, time, size, duration (Budapest Art. 1(d); Reg. 2023/1543 Art. 3(11)). */
  TRAFFIC,
  /** Content data (Reg. 2023/1543 Art. 3(12)). */
  CONTENT;
}
