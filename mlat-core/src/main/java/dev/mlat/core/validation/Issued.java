package dev.mlat.core.validation;

/**
 * Jakarta Validation group of the rules an issued request must also meet (for example an IP
 * address must carry the time it was observed). It extends {@link Draft}, so validating this
 * group checks the draft rules too. The per-instrument completeness rules are checked in code by
 * {@link RequestValidator} (see {@code docs/VALIDATION.md}).
 *
 * @see Level#ISSUED
 */
public interface Issued extends Draft {}
