import { createMemoryStore } from '@tessera/core/store';
import { describeStoreContract } from './contract.suite';

describeStoreContract('memory', async () => createMemoryStore());
