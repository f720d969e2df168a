/**
 * The mlat domain model: requests, lifecycle messages, validation and strict JSON. No crypto, no
 * I/O beyond reading and writing JSON.
 */
module dev.mlat.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;

  exports dev.mlat.core;
  exports dev.mlat.core.lifecycle;

  opens dev.mlat.core to com.fasterxml.jackson.databind, org.hibernate.validator;
}
