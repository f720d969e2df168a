package dev.mlat.core.model;

/**
 * The role of a subject in the case.
 *
 * <p>The JSON form is the constant's name, for example {@code SUSPECT}.
 */
public enum SubjectRole {
  /** Suspected of the offence. */
  SUSPECT,
  /** Charged with the offence. */
  ACCUSED,
  /** Victim of the offence. */
  VICTIM,
  /** Witness. */
  WITNESS,
  /** Holder of an account or identifier whose data is sought, not itself suspected. */
  ACCOUNT_HOLDER,
  /** Another role, described in the subject's description. */
  OTHER;
}
