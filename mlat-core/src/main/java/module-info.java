/**
 * The mlat domain model: requests, lifecycle messages, validation and strict JSON. No crypto, no
 * I/O beyond reading and writing JSON.
 */
module dev.mlat.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;

  exports dev.mlat.core;
  exports dev.mlat.core.json;
  exports dev.mlat.core.model;
  exports dev.mlat.core.model.identifier;
  exports dev.mlat.core.model.measure;
  exports dev.mlat.core.model.message;
  exports dev.mlat.core.lifecycle;
  exports dev.mlat.core.validation;

  opens dev.mlat.core to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens dev.mlat.core.json.internal to com.fasterxml.jackson.databind;
  opens dev.mlat.core.model to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens dev.mlat.core.model.identifier to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens dev.mlat.core.model.measure to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens dev.mlat.core.model.message to com.fasterxml.jackson.databind, org.hibernate.validator;
  // Hibernate Validator instantiates the constraint validators reflectively.
  opens dev.mlat.core.validation.internal to org.hibernate.validator;
}
