import { worker } from 'workerpool';

// The same empty task as the lab's pool runs: answer with the time.
worker({ ping: () => performance.now() });
