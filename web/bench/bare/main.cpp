// The reference of the web benchmarks: a bare Dear ImGui app on the same stack as Orgdesk's
// (GLFW on WebGL2, Emscripten fetch linked in, the default font), one window with a line of
// text. Sets window.bareFirstFrame (performance.now()) when its first frame is drawn.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/fetch.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace {

GLFWwindow* window = nullptr;

void frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Bare");
    ImGui::TextUnformatted("Hello from a bare Dear ImGui build.");
    ImGui::End();
    ImGui::Render();
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    EM_ASM({
        if (!window.bareFirstFrame)
            window.bareFirstFrame = performance.now();
    });
}

void fetched(emscripten_fetch_t* fetch) {
    emscripten_fetch_close(fetch);
}

}  // namespace

int main() {
    if (glfwInit() == GLFW_FALSE)
        return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    window = glfwCreateWindow(1280, 800, "Bare", nullptr, nullptr);
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // One request, so the fetch library is linked in as it is in Orgdesk.
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = fetched;
    attr.onerror = fetched;
    emscripten_fetch(&attr, "/healthz");
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
