// Answers every message with itself: the bare postMessage round trip the pools are compared with.
addEventListener('message', (event) => postMessage((event as MessageEvent).data));
