import type { Server } from 'node:http';

export function createEndpointServer(): { server: Server; hang: { open: number; closedByClient: number } };
