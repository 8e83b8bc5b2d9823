package io.cemhub.crm;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses a SOAP Body that holds more than one notification. CXF reads the Body's first element (the
 * operation's one part) and would hand the route only that one: the Ack would answer for the first and the
 * others would be dropped without a word. Right after CXF read that part (the endpoint reads it whole,
 * not streamed, so the reader stands behind it), anything but the end of the Body is the caller's fault:
 * {@code soap:Client}, code {@code invalid-request}, and nothing of the request is processed.
 */
public class OneOperationPerRequest extends AbstractPhaseInterceptor<Message> {

    public OneOperationPerRequest() {
        super(Phase.UNMARSHAL);
        addAfter(DocLiteralInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return; // nothing left to read (an empty Body, or a part read as a stream: see CrmSoapConfiguration)
        }
        try {
            int event = reader.getEventType();
            while (ignorable(reader, event) && reader.hasNext()) {
                event = reader.next();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw CrmFaults.client("invalid-request", "the SOAP Body holds more than one element (" + reader.getName()
                        + " after the first): send one notification per request; nothing of this one was processed");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                throw CrmFaults.client("invalid-request", "the SOAP Body holds text after its element");
            }
        } catch (XMLStreamException e) {
            throw CrmFaults.client("invalid-request", "the SOAP Body cannot be read after its element: " + e.getMessage());
        }
    }

    private static boolean ignorable(XMLStreamReader reader, int event) {
        return event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS && reader.isWhiteSpace());
    }
}
