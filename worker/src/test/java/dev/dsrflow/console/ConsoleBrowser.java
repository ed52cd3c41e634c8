package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with what the console tests do over and over:
 * log in as someone, wait for the page, tab to an element, check accessibility with axe-core,
 * save a screenshot under {@code docs/console/}.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int WIDTH = 1280;

    private final ChromeDriver driver;
    private final String base;

    ConsoleBrowser(String base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): run bin/install-test-tools");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--window-size=" + WIDTH + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
    }

    WebDriver driver() {
        return driver;
    }

    /** Logs out whoever was logged in, then logs this user in through the login form. */
    void loginAs(String user) {
        driver.manage().deleteAllCookies();
        open("/console/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/console/login"));
        assertThat(text(By.cssSelector(".who strong"))).isEqualTo(user);
    }

    void open(String path) {
        driver.get(base + path);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        // htmx replaces the live region every two seconds: an element found just before may be gone
        return new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Presses Tab until the focused element matches the selector; fails if it never does. */
    WebElement tabTo(String selector) {
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 300; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Boolean matches = (Boolean) script("return document.activeElement.matches(arguments[0]);", selector);
            if (Boolean.TRUE.equals(matches)) {
                return driver.switchTo().activeElement();
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + driver.getCurrentUrl());
    }

    /** Types into the focused element. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Tabs through the whole page and checks that every control a person can use (enabled buttons,
     * links, fields outside closed dialogs) receives the focus. Controls are told apart by id, or
     * by their markup, so that a region htmx re-renders meanwhile still counts.
     */
    void assertEveryControlReachableByKeyboard() {
        String signature = "const sig = e => e.id ? '#' + e.id : e.outerHTML.slice(0, 200);";
        String controls = "Array.from(document.querySelectorAll('a[href], button:not([disabled]),"
                + " input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]),"
                + " summary')).filter(e => !e.closest('dialog:not([open])'))";
        long count = (Long) script("return " + controls + ".length;");
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < count * 2 + 10; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            reached.add((String) script(signature + " return sig(document.activeElement);"));
        }
        @SuppressWarnings("unchecked")
        List<String> missed = (List<String>) script(
                signature + " return " + controls + ".map(sig).filter(s => !arguments[0].includes(s));",
                List.copyOf(reached));
        assertThat(missed)
                .as("controls Tab never reaches on %s", driver.getCurrentUrl())
                .isEmpty();
    }

    /** Does something that loads a new page (a click, Enter on a submit button) and waits for that page. */
    void andWaitForNextPage(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> isGone(old));
    }

    /**
     * Whether the element's page was replaced. Chromium answers a look at an element of a page
     * it is replacing either as stale or, mid-navigation, as a node that "does not belong to the
     * document": both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Runs axe-core on the page; no serious or critical violation may remain. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .toList();
        assertThat(bad.stream()
                        .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                                + r.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .toList())
                .as("serious or critical accessibility violations on the %s page", page)
                .isEmpty();
    }

    /** Saves the whole page (up to 2,400 pixels tall) as docs/console/{name}.png. */
    void screenshot(String name) {
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(2400, Math.max(700, height + 160))));
        try {
            Path dir = docs();
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 900));
        }
    }

    /** docs/console at the repository's root (tests run in the worker module's directory). */
    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("worker")) ? here : here.getParent();
        return root.resolve("docs").resolve("console");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
