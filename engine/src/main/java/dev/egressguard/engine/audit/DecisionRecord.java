package dev.egressguard.engine.audit;

import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code decision} record of SPEC §8, written by the log straight from its {@link Decision} in canonical
 * key order: the writer thread builds no sorted map per record. Its bytes are those of
 * {@link Json#writeWithout} over {@link DecisionRecords#decision} (a test holds the two together). As a
 * {@link Map}, for sinks and tests, it is that map, built on first use, with seq, prevHash and hash once sealed.
 */
final class DecisionRecord extends AbstractMap<String, Object> implements CanonicalRecord {
    private final Decision d;
    private final String agentId;
    private final long pid;
    private final long epochMillis;
    private final String incidentId;
    private long seq = -1;
    private String prevHash;
    private String hash;
    private Map<String, Object> view;

    DecisionRecord(Decision d, String agentId, long pid, long epochMillis, String incidentId) {
        this.d = d;
        this.agentId = agentId;
        this.pid = pid;
        this.epochMillis = epochMillis;
        this.incidentId = incidentId;
    }

    /** The keys in the order {@link String#compareTo} sorts them; {@code hash} goes before {@code host}. */
    @Override
    public int writeWithoutHash(long seq, String prevHash, StringBuilder sb) {
        Target t = d.target();
        sb.append("{\"action\":");
        Json.writeString(d.action().wireName(), sb);
        sb.append(",\"agentId\":");
        string(agentId, sb);
        sb.append(",\"category\":");
        string(t == null ? null : t.category(), sb);
        sb.append(",\"channel\":");
        string(d.channel(), sb);
        sb.append(",\"command\":");
        string(d.command(), sb);
        sb.append(",\"contentBytes\":").append(d.contentBytes());
        sb.append(",\"contentSha256\":");
        string(d.contentSha256(), sb);
        sb.append(",\"detections\":");
        if (d.detections().isEmpty()) {
            sb.append("[]");
        } else {
            Json.write(DecisionRecords.aggregate(d.detections()), sb);
        }
        sb.append(",\"enforced\":").append(d.enforced() ? "true" : "false").append(',');
        int hashAt = sb.length();
        sb.append("\"host\":");
        string(t == null ? null : t.host(), sb);
        sb.append(",\"incidentId\":");
        string(incidentId, sb);
        sb.append(",\"kind\":");
        string(d.kind() == null ? null : d.kind().wireName(), sb);
        sb.append(",\"method\":");
        string(d.method(), sb);
        sb.append(",\"micros\":").append(d.micros());
        sb.append(",\"pid\":").append(pid);
        sb.append(",\"prevHash\":");
        string(prevHash, sb);
        sb.append(",\"reason\":");
        string(d.reason(), sb);
        sb.append(",\"riskLevel\":");
        string(t == null || t.riskLevel() == null ? null : t.riskLevel().wireName(), sb);
        sb.append(",\"riskScore\":");
        Json.writeNumber(Json.round(d.riskScore()), sb);
        sb.append(",\"rule\":");
        string(d.rule(), sb);
        sb.append(",\"seq\":").append(seq);
        sb.append(",\"time\":\"");
        RecordTime.append(epochMillis, sb);
        sb.append('"');
        sb.append(",\"tool\":");
        string(t == null ? null : t.tool(), sb);
        sb.append(",\"type\":\"decision\",\"url\":");
        string(t == null ? null : t.url(), sb);
        if (!d.warnings().isEmpty()) {
            sb.append(",\"warnings\":");
            Json.write(d.warnings(), sb);
        }
        sb.append('}');
        return hashAt;
    }

    private static void string(String s, StringBuilder sb) {
        if (s == null) {
            sb.append("null");
        } else {
            Json.writeString(s, sb);
        }
    }

    @Override
    public synchronized void sealed(long seq, String prevHash, String hash) {
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = hash;
        if (view != null) {
            putSeal(view);
        }
    }

    private synchronized Map<String, Object> view() {
        if (view == null) {
            view = DecisionRecords.decision(d, agentId, pid, epochMillis, incidentId);
            if (hash != null) {
                putSeal(view);
            }
        }
        return view;
    }

    private void putSeal(Map<String, Object> m) {
        m.put("seq", seq);
        m.put("prevHash", prevHash);
        m.put("hash", hash);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view().entrySet();
    }

    @Override
    public Object get(Object key) {
        return view().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view().containsKey(key);
    }
}
