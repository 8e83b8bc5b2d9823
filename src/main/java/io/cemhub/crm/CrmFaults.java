package io.cemhub.crm;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP Faults of the CRM service: the fault string names the problem, the detail carries a
 * {@code crm:CrmFault} with a short code (invalid-request, body-too-large, registry-conflict, ...).
 */
public final class CrmFaults {

    private CrmFaults() {
    }

    /** The caller's request is wrong: sending it again unchanged will fail again. */
    public static SoapFault client(String code, String message) {
        return fault(code, message, SoapFault.FAULT_CODE_CLIENT);
    }

    /** The hub could not take the request now (e.g. the broker is down): the CRM should retry. */
    public static SoapFault server(String code, String message) {
        return fault(code, message, SoapFault.FAULT_CODE_SERVER);
    }

    private static SoapFault fault(String code, String message, javax.xml.namespace.QName faultCode) {
        SoapFault fault = new SoapFault(message, faultCode);
        Document doc = DOMUtils.getEmptyDocument();
        Element detail = doc.createElement("detail");
        Element crmFault = doc.createElementNS(CrmXml.NS, "crm:CrmFault");
        crmFault.appendChild(text(doc, "code", code));
        crmFault.appendChild(text(doc, "message", message));
        detail.appendChild(crmFault);
        fault.setDetail(detail);
        return fault;
    }

    private static Element text(Document doc, String name, String value) {
        Element e = doc.createElementNS(CrmXml.NS, "crm:" + name);
        e.setTextContent(value);
        return e;
    }
}
