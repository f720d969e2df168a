package dev.mlat.transport.pkg;

/**
 * What {@link PackageOpener#open} returns for a package it accepts: a {@link VerifiedPackage} to
 * deliver, or a {@link Resend} of a package already delivered (answer with its stored receipt,
 * deliver nothing). Dispatch with {@code instanceof}.
 */
public sealed interface OpenResult permits VerifiedPackage, Resend {}
