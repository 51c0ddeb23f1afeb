/// The script `tale serve` adds to every page it serves (never to `tale build` output): it reloads
/// the page after each successful rebuild and shows a failed build's errors over the page.
public enum LiveReloadScript {
    /// The tag added before `</body>`.
    public static let tag = "<script src=\"/__tale/live.js\"></script>"

    /// `html` with the tag added before its closing body tag (or at the end).
    public static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range, with: tag + "</body>")
    }

    /// The script itself.
    public static let source = """
    // tale serve: reload after each rebuild; show build errors over the page until they are fixed.
    (function () {
      "use strict";
      var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__tale/live";
      function show(text) {
        var box = document.getElementById("tale-build-error");
        if (!box) {
          box = document.createElement("div");
          box.id = "tale-build-error";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:1rem;z-index:2147483647;overflow:auto;padding:1rem 1.25rem;background:#fff4f0;" +
            "color:#1d1a16;border:4px solid #b4441c;border-radius:1rem;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "Tale could not build the site:\\n\\n" + text + "\\n\\nFix it and save: this page will reload by itself.";
      }
      function connect() {
        var socket = new WebSocket(url);
        socket.onmessage = function (event) {
          var message = JSON.parse(event.data);
          if (message.type === "reload") location.reload();
          else if (message.type === "error") show(message.text);
        };
        socket.onclose = function () { setTimeout(connect, 500); };
      }
      window.taleLive = { connected: true };
      connect();
    })();
    """
}
