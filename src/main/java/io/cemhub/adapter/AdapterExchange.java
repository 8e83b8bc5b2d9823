package io.cemhub.adapter;

/** Names of the exchange properties an adapter route carries from its entry to its last step. */
public final class AdapterExchange {

    /** The adapter id (set by the Kamelet). */
    public static final String ADAPTER = "cemAdapter";
    /** Input format: json, csv or canonical (set by the Kamelet from its {@code format} parameter). */
    public static final String FORMAT = "cemFormat";
    /** CSV field delimiter (Kamelet parameter {@code csvDelimiter}). */
    public static final String CSV_DELIMITER = "cemCsvDelimiter";
    /** CSV column names of header-less files, comma-separated (Kamelet parameter {@code csvColumns}). */
    public static final String CSV_COLUMNS = "cemCsvColumns";
    /**
     * Prefix of the mapping parameters: property {@code cemParam_intervalMinutes} is the batch mapping's
     * {@code parameters.intervalMinutes}. An underscore, not a dot: quarantine keeps them as JMS properties.
     */
    public static final String PARAMETER_PREFIX = "cemParam_";
    /** The original bytes, as the transport delivered them: what quarantine keeps. */
    public static final String PAYLOAD = "cemPayload";
    /** rest, jms, file or the scheme of any other transport. */
    public static final String TRANSPORT = "cemTransport";
    /** Where the input came from (endpoint without secrets, plus the file name for files). */
    public static final String ORIGIN = "cemOrigin";
    /** The JMS listener's transacted session, so that acknowledgement and enqueue commit together. */
    public static final String JMS_SESSION = "cemJmsSession";

    /**
     * Set by {@code cemIngest} for item-by-item transports once everything is durable: the
     * {@link AdapterResult} (failures name their item index), or null when the input was refused whole.
     */
    public static final String RESULT = "cemResult";

    private AdapterExchange() {
    }
}
