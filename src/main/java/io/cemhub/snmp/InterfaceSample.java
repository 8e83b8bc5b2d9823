package io.cemhub.snmp;

import java.time.Instant;

/**
 * One poll of one interface. Octet counters are IF-MIB's 64-bit ifHC*Octets, held as the same 64 bits in
 * a long (compare with {@link Long#compareUnsigned}); ifInErrors is a 32-bit counter; sysUpTime in
 * hundredths of a second (the agent's clock, which also tells a restart).
 */
public record InterfaceSample(Instant polledAt, long sysUpTime, long inOctets, long outOctets, long inErrors,
                              int operStatus, long highSpeedMbps) {
}
