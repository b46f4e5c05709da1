/**
 * The outbound client the executor tests call their local servers through: the real one, with
 * loopback allowed (these tests are about the executor, not the address policy).
 */
import { createOutboundClient } from '../../src/outbound';

export const testOutbound = createOutboundClient({ allow: '127.0.0.1' });
