/**
 * Content inspection, risk score and redaction (SPEC §5.4, §5.5, §5.6 outcomes).
 *
 * <p>Reading order: {@link dev.egressguard.engine.inspect.Inspector} turns a body, URL, header or
 * argument into {@code TextView}s: {@code BodyText} (decompression within the size limit, charset,
 * binary detection), {@code Multipart}, then the decoding chain — {@code PercentDecoder} (form),
 * {@code JsonUnescaper}, {@code PercentDecoder} (url), {@code UnicodeFolder} — each step only when
 * the text needs it. {@code Scan} runs every enabled detector in one pass over the final view and
 * notes base64 runs, which {@code Base64Text} decodes for a nested pass (two levels).
 * {@code Findings} maps every span back to the text as sent through each view's {@code OffsetMap},
 * names the encodings it went through and marks credential slots.
 *
 * <p>Detector data lives beside this package: {@code vendor-keys.txt}, {@code card-issuers.txt},
 * {@code injection-phrases.txt}, {@code context-words.properties}.
 *
 * <p>{@link dev.egressguard.engine.inspect.RiskScorer} scores; {@link dev.egressguard.engine.inspect.Redactor}
 * replaces spans and re-inspects its output, widening or refusing rather than leave a value behind.
 */
package dev.egressguard.engine.inspect;
