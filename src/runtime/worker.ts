import { expose } from 'comlink';
import { workerApi } from '../core/worker-api';

expose(workerApi);
