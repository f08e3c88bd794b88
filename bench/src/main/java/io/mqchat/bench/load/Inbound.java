package io.mqchat.bench.load;

/** What a device hears. Called on the MQTT client's network threads: implementations must not block. */
public interface Inbound {

    /** A chat message with ledger sequence {@code seq} reached device {@code device}. */
    void delivered(int device, int seq, long nanos);

    /** A DELIVERED receipt for ledger sequence {@code seq} reached its sender. */
    void receipted(int seq, long nanos);

    /** Something else arrived, e.g. an error reply; {@code topic} says what. */
    void other(int device, String topic, byte[] payload);
}
