package dev.switchboard.sip.testing;

/**
 * The order line used by tool tests: number 700 reaches a scripted local agent with a webhook lookup, hang-up
 * and transfer. Variables: {@code WEBHOOK} (an {@link OrderWebhook} URL).
 */
public final class OrderLine {

    public static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              local: { type: local }
            agents:
              orders:
                provider: local
                greeting: "Welcome to the order line."
                tools: [order_lookup, end_call, transfer_call, send_dtmf]
                transfer_targets: { operator: "sip:operator@127.0.0.1:5999" }
                dtmf: { mode: collect, terminator: "#", inter_digit_timeout: 5s }
                script:
                  - when: "0#"
                    before: "Goodbye."
                    call: end_call
                  - when: "[*]#"
                    call: send_dtmf
                    args: { digits: "123" }
                  - when: "9#"
                    before: "Transferring you to an operator."
                    call: transfer_call
                    args: { target: operator }
                    say_error: "Sorry, I could not transfer you."
                  - when: "(?<order_id>55555)#"
                    before: "One moment please, while I look that order up for you in our system."
                    call: order_lookup
                    say: "Order {order_id} is {status}."
                  - when: "(?<order_id>[0-9]+)#"
                    call: order_lookup
                    say: "Order {order_id} is {status}."
                    say_error: "Sorry, I could not look up order {order_id}."
            tools:
              order_lookup:
                description: Look up an order
                parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
                webhook: { url: "${WEBHOOK}", timeout: 5s }
            numbers:
              "700": orders
            """;

    private OrderLine() {}
}
