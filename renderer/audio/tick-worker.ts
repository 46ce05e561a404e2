// A dedicated worker that only keeps time (see ticker.ts): its timer is not throttled with the page.
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (event: MessageEvent<number>) => {
  clearInterval(timer);
  timer = setInterval(() => self.postMessage(0), event.data);
};
