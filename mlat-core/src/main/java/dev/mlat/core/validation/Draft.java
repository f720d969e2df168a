package dev.mlat.core.validation;

import jakarta.validation.groups.Default;

/**
 * Jakarta Validation group of the structural rules: formats (codes, identifiers, digests), order
 * of dates, cross-references. A draft that passes them may still be incomplete. It extends {@link
 * Default}, so every constraint declared without a group belongs to it.
 *
 * @see Level#DRAFT
 */
public interface Draft extends Default {}
