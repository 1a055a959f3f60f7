// The Emscripten module's settings. Kept in a file of its own so the page needs no inline script
// (the server's Content-Security-Policy allows none).
var Module = {
  canvas: document.getElementById('canvas'),
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
  onAbort: (what) => {
    const cover = document.getElementById('loading') || document.body.appendChild(document.createElement('div'));
    cover.id = 'loading';
    cover.textContent = 'Orgdesk stopped because of an error (' + what + '). Reload the page to start again.';
  },
};
// A WebGL context that cannot be had is the most likely failure: say so plainly.
Module.canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());
// Right-click belongs to the app, not the browser's canvas menu.
Module.canvas.addEventListener('contextmenu', (e) => e.preventDefault());
// The focus moves between the canvas and the hidden text field (src/app/web/text_input.cpp)
// whenever a field starts or stops being edited. That is no blur of the page: GLFW would take
// it for one and release every key held down (a Ctrl of Ctrl+A, a Shift) in mid-keystroke. This
// listener comes before GLFW's and keeps such a move from it.
window.addEventListener('blur', (event) => {
  const ours = (element) => element === Module.canvas || element?.id === 'text-input';
  if (ours(event.target) && ours(event.relatedTarget)) event.stopImmediatePropagation();
}, true);

// Which module runs the app. The normal one (orgdesk.js) talks to the Orgdesk server that served
// this page. The offline sandbox (orgdesk-local.js) carries the platform inside, with its own
// in-memory data: asked for with ?sandbox=local, and taken when no Orgdesk server is behind the
// page (the files are hosted as they are, so the server's /healthz is missing). The normal start
// waits for nothing: the check runs beside it, and only a page without a server is reloaded.
(function chooseModule() {
  const params = new URLSearchParams(location.search);
  const local = params.get('sandbox') === 'local';
  const script = document.createElement('script');
  const name = local ? 'orgdesk-local' : 'orgdesk';
  script.src = `${name}.js`;
  script.async = true;
  document.body.appendChild(script);
  if (local) return;
  startEarly(name);
  const goLocal = () => {
    params.set('sandbox', 'local');
    location.replace(`${location.pathname}?${params}${location.hash}`);
  };
  // An Orgdesk server answers /healthz with JSON carrying a status, even when its database is
  // down (503). A static host answers 404, or its index page for any path. The body is always
  // read: an unread one keeps the request open.
  fetch('healthz', { cache: 'no-store' })
    .then((response) => response.json())
    .then((health) => { if (typeof health?.status !== 'string') goLocal(); })
    .catch(goLocal);
})();

// The normal module's Wasm and data files are asked for now, beside orgdesk.js instead of after
// it has loaded and run, and the Wasm compiles while orgdesk.js loads: the first frame comes
// that much sooner. orgdesk.js takes the compiled module (instantiateWasm) and the data file's
// response from the browser's preload cache.
function startEarly(name) {
  const preload = document.createElement('link');
  preload.rel = 'preload';
  preload.as = 'fetch';
  preload.crossOrigin = 'anonymous';  // matches the module's own request for it
  preload.href = `${name}.data`;
  document.head.appendChild(preload);
  const wasm = () => fetch(`${name}.wasm`, { credentials: 'same-origin' });
  // A host that serves the file with another type than application/wasm cannot stream it.
  const compiled = WebAssembly.compileStreaming(wasm())
    .catch(() => wasm().then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
  Module.instantiateWasm = (imports, receiveInstance) => {
    compiled.then((module) => WebAssembly.instantiate(module, imports)
      .then((instance) => receiveInstance(instance, module)))
      .catch((error) => Module.onAbort(`its code could not be loaded: ${error.message}`));
    return {};  // the exports come through receiveInstance
  };
}
