package dev.egressguard.engine.bench;

import java.nio.charset.StandardCharsets;

/** The 4 KB bodies of the inspection benchmarks (SPEC §13), shared by every benchmark class. */
public final class BenchTexts {
    public static final int SIZE = 4096;

    private static final String PROSE = "I'm preparing a quarterly planning document for our platform team and would "
            + "like your help turning my rough notes into something the leadership group can read in ten minutes. "
            + "The main themes are reliability, developer experience and cost. On reliability, we had fewer incidents "
            + "than last quarter, but two of them lasted longer than we would like because the on-call engineer had to "
            + "wait for access to the right dashboards. I want to propose that every service owner reviews their "
            + "runbooks before the end of the month and that we run a game day in the second week of next quarter. "
            + "On developer experience, the build times for the main repository went down after we split the test "
            + "suite, yet people still complain that the local setup takes most of a day for new joiners. Please "
            + "suggest a short list of improvements we could realistically finish in six weeks, and phrase them as "
            + "outcomes rather than tasks. On cost, our cloud bill grew more slowly than our traffic, which is good, "
            + "but storage for old logs keeps growing and nobody feels responsible for it. I would like a paragraph "
            + "that explains the trade-off between keeping logs for investigations and paying for them every month, "
            + "written for readers who are not engineers. Also, please keep the tone calm and factual: the audience "
            + "has seen many planning documents and tends to skim anything that sounds like a sales pitch. Where you "
            + "are unsure about a detail, say so instead of inventing it, and mark the places where I should add a "
            + "number from our own reports. Finally, end with three questions the leadership group should answer "
            + "before we commit to the plan, for example whether the game day should include the payments team, "
            + "whether we can pause feature work for a week, and who owns the log retention policy from now on. "
            + "For context, the team is eleven engineers across two time zones, we ship several times a day, and the "
            + "most common complaint in the last survey was that priorities change too often during a quarter. ";

    private static final String DENSE = "Order 88123 shipped 2024-03-14 10:22:05 total $1,249.99 (tax $99.50) to "
            + "customer 4471 at jane.roe@example.com; invoice INV-2024-000318, tracking 1Z999AA10123456784. "
            + "Refund 20.00 EUR on 2024-03-15, ref ORD-555-0142, build v2.14.3.1 deployed to 10.12.0.7 and "
            + "fd00::7:1. Contact ops+alerts@corp.example.com or (555) 234-5678. Metrics: p50 12.5 ms, p99 240 ms, "
            + "error rate 0.03%, 1712345678901 epoch ms, request id 7f9c2ba4-e88f-11ee-9c3b-0242ac120002. "
            + "SSN on file 123-45-6789, card 4111 1111 1111 1111 exp 09/27, key AKIAIOSFODNN7EXAMPLE, "
            + "qty 3 x 19.99 = 59.97, sku 100-2001-3, lat 52.5200 lon 13.4050, user_id 123456789, "
            + "mail bob.smith@example.org, phone +44 20 7946 0958, ids 55501, 55502, 55503, 55504. ";

    private BenchTexts() {
    }

    /** A clean 4 KB OpenAI-style chat body of English prose. */
    public static byte[] cleanChatBody() {
        return chatBody(PROSE);
    }

    /** The clean prompt as people write it: paragraphs, so the JSON carries "\\n" escapes. */
    public static byte[] cleanChatBodyWithParagraphs() {
        String body = new String(chatBody(PROSE), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(body);
        for (int p = sb.indexOf(". ", 400); p > 0 && p < sb.length() - 100; p = sb.indexOf(". ", p + 400)) {
            sb.replace(p + 1, p + 2, "\\n\\n");
        }
        sb.setLength(SIZE - 4);
        sb.append("\"}]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A 4 KB chat body dense with numbers, dates, prices, e-mails and a few keys, SSNs and cards. */
    public static byte[] denseChatBody() {
        return chatBody(DENSE);
    }

    private static byte[] chatBody(String filler) {
        String head = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        StringBuilder content = new StringBuilder();
        while (head.length() + content.length() + tail.length() < SIZE) {
            content.append(filler);
        }
        content.setLength(SIZE - head.length() - tail.length());
        return (head + content + tail).getBytes(StandardCharsets.UTF_8);
    }
}
