package dev.mlat.core;

/**
 * A stable, documented failure code. Every module keeps its codes in one enum that implements
 * this interface, and every code is listed in {@code docs/ERRORS.md} with its meaning and what an
 * operator should do; a test in each module fails when the two disagree.
 *
 * <p>Codes are part of the wire and operator contract: they never change meaning once released.
 */
public interface ErrorCode {

  /** The code as written in logs, negative receipts and {@code docs/ERRORS.md}, for example {@code JSON_DUPLICATE_KEY}. */
  String code();

  /** A short English description of the failure, without any request content. */
  String description();
}
