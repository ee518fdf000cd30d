// The page's last line of defence, inlined into each page by Trunk (rel="inline").
// A bug the app could not handle stops its WebAssembly where it stands: a trap (a
// panic aborts into one in release builds), or the stack running out. Nothing on the
// page would answer any more, so this shows the page's #fault message instead, over
// everything else, and keeps the app's own saved data as it is.
(function () {
  function fatal(error) {
    return (
      error instanceof WebAssembly.RuntimeError ||
      (error instanceof RangeError && /wasm/.test(String(error.stack)))
    );
  }

  function show() {
    var fault = document.getElementById("fault");
    if (!fault || !fault.hidden) return;
    for (var i = 0; i < document.body.children.length; i++) {
      var element = document.body.children[i];
      if (element !== fault) element.inert = true;
    }
    fault.hidden = false;
    document.getElementById("fault-reload").addEventListener("click", function () {
      location.reload();
    });
    var save = document.getElementById("fault-export");
    var bindings = window.wasmBindings;
    if (save && bindings && typeof bindings.export_progress_after_fault === "function") {
      save.hidden = false;
      save.addEventListener("click", function () {
        var saved = false;
        try {
          saved = bindings.export_progress_after_fault();
        } catch (error) {
          saved = false;
        }
        document.getElementById(saved ? "fault-export-done" : "fault-export-failed").hidden = false;
      });
    }
    fault.querySelector("h1").focus();
  }

  addEventListener("error", function (event) {
    if (fatal(event.error)) show();
  });
  addEventListener("unhandledrejection", function (event) {
    if (fatal(event.reason)) show();
  });
})();
