package dev.egressguard.it.bench;

/** A realistic chat request with nothing sensitive in it, of a given size. */
final class CleanPrompt {
    private static final String PROSE = "Please summarise the following meeting notes for the product team. "
            + "We discussed the roadmap for the next quarter, the hiring plan for the platform group, and "
            + "the feedback from the customer advisory board about onboarding. The team agreed to simplify "
            + "the setup wizard, to write clearer error messages, and to measure time to first success. ";

    private CleanPrompt() {
    }

    static String json(int size) {
        String head = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        StringBuilder b = new StringBuilder(size).append(head);
        while (b.length() + tail.length() < size) {
            b.append(PROSE, 0, Math.min(PROSE.length(), size - tail.length() - b.length()));
        }
        return b.append(tail).toString();
    }
}
