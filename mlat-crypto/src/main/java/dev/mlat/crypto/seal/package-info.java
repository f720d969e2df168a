/**
 * Sign then encrypt, bound to the recipient: {@link dev.mlat.crypto.seal.Sealer} signs a payload
 * together with its sender, recipient and message id as the issuing authority and encrypts the
 * SignedData for the recipients; {@link dev.mlat.crypto.seal.Opener} decrypts, verifies the
 * signature and the signer's trust, and refuses a message whose signed recipient is not the opener
 * (surreptitious forwarding). The wire format is in docs/CMS.md, "Sign then encrypt".
 */
package dev.mlat.crypto.seal;
