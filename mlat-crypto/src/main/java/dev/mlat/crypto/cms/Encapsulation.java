package dev.mlat.crypto.cms;

/** Whether a SignedData carries the content (encapsulated) or only signs it (detached). */
public enum Encapsulation {
  /** The content is inside the SignedData (eContent present). */
  ENCAPSULATED,
  /** The content travels separately; the SignedData holds only the signatures. */
  DETACHED
}
